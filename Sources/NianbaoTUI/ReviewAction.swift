/// What a key asks for, independent of which key it was (tig's "requests"): the key map
/// turns keys into these, and `ReviewState.update` knows only these.
public enum ReviewAction: Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case nextPane, open
    case nextFailing, previousFailing
    case approve, needsCorrection, undo
    case editNote, search, help, quit
}
