import Foundation
import TandemCore

/// git's merge driver for record files: the record-level three-way merge (`RecordMerge`).
///
/// git calls `tandem merge-driver %O %A %B %P`: the common ancestor, the current branch's
/// version (where the result goes), the other branch's, and the path. During `git pull --rebase`
/// the current branch is the remote's and the other is the local commit being replayed, so the
/// driver is told which side is the leader's own (`localIs`): at a conflict the leader's value is
/// the one written, with everything else merged, and the merge is reported as not clean.
public enum MergeDriver {
    public struct Outcome {
        public var merged: Data
        /// `ours` is the leader's own side in each, `theirs` the other's.
        public var conflicts: [FieldConflict]
    }

    /// Merges three versions of one record file. `base` is empty when the file was added on both sides.
    public static func merge(base: Data, current: Data, other: Data, path: String,
                             localIs side: MergeSide) throws -> Outcome {
        let b = base.isEmpty ? nil : try RecordFile.decode(base, path: path)
        let cur = try RecordFile.decode(current, path: path)
        let oth = try RecordFile.decode(other, path: path)
        let (mine, yours) = side == .ours ? (cur, oth) : (oth, cur)
        let result = Record.merge(base: b, ours: mine, theirs: yours)
        return Outcome(merged: try RecordFile.encode(result.value, path: path), conflicts: result.conflicts)
    }
}
