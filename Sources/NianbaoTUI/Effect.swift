import NianbaoStore

/// Work an update asks the app to do outside the state: the database, files, the terminal.
public enum Effect: Sendable, Equatable {
    /// A decision or note, to be written in the background (it stays pending until committed).
    case write(PendingWrite)
    /// Read the whole report of an entry to show it.
    case fetch(index: Int)
    /// Edit the note in $VISUAL/$EDITOR.
    case editExternally(key: String, note: String)
    case redraw
    case suspend
    case quit
}
