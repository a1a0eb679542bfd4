import TandemCore

/// How much of the store `load(scope:)` decodes.
public enum LoadScope: Sendable {
    /// Every person and assessment, the coaching engagements that are planned, active or on hold
    /// and the mentoring relationships that are active or paused. Closed records are read and
    /// their syntax checked, but not decoded: `loadRecord(_:)` decodes one on demand.
    case open
    /// Everything.
    case all
}

/// What `load(scope:)` returns.
public struct Loaded: Sendable {
    /// The decoded records, each kind in file-name order.
    public var snapshot: Snapshot
    /// Every record's file, relative to the data folder, closed ones included.
    public var files: [RecordRef: String]
    /// Records read but not decoded because they are closed (scope `.open` only).
    public var closedCount: (coaching: Int, mentoring: Int)
    /// What the files looked like when they were read: give it to `Store.changes(since:)`.
    public var stamp: StoreStamp
    /// How many record files were read (the rest were closed records the load cache vouched for).
    public var filesRead: Int = 0
    /// The open records read with their older sessions lean (`load(…, forFirstFrame: true)`):
    /// to be read whole (`Store.readWhole`) before anything shows their texts or writes them.
    public var lean: [RecordRef] = []
    /// How many closed files the load cache listed were not `stat`ed (`forFirstFrame`): the
    /// stamp holds the cache's `stat` for each, so the next `changes(since:)` reads any that
    /// differ. Look for outside changes as soon as the first frame is drawn when there are any.
    public var unstated: Int = 0
}
