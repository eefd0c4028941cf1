/// What a key asks for, independent of which key it was (tig's "requests"): the key maps
/// turn keys into these, and `ReviewState.update` knows only these.
public enum ReviewAction: Hashable, Sendable, CaseIterable {
    // Moving in the focused pane.
    case moveUp, moveDown, pageUp, pageDown, halfPageUp, halfPageDown, first, last
    case scrollLeft, scrollRight
    case nextPane, previousPane, open, zoom, toggleWrap
    // The review queue.
    case nextReport, previousReport, nextFailingReport, previousFailingReport, nextFinding, previousFinding
    case approve, needsCorrection, undo, redo
    // Rulings on the selected finding.
    case confirmFinding, dismissFinding
    // Triage.
    case cycleFilter, cycleSort, search, nextMatch, previousMatch
    case editNote, editNoteExternally
    case help, redraw, suspend, quit
    // In the note editor and the search prompt.
    case save, cancel, newline, deleteBackward, deleteForward, caretLeft, caretRight, caretUp, caretDown, caretHome, caretEnd
    case submit
    case closeHelp
    // When someone else changed the record first.
    case keepMine, takeTheirs
}
