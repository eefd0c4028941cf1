import NianbaoStore

/// Work an update asks the app to do outside the state: the database and quitting.
public enum Effect: Sendable, Equatable {
    case decide(key: String, ReviewStatus)
    case undo(key: String)
    case saveNote(key: String, String)
    case quit
}
