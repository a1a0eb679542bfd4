import TerminalUI

/// Clicks and the wheel (only when the config turned the mouse on). Every one is looked up in
/// the one layout (`AppLayout.hit`, the footer's laid-out hints, a form's `FormGeometry`),
/// and what it does goes through the key table where a key would do the same: a footer hint
/// presses its key, the wheel presses the context's ↓/↑ (whatever the user bound them to),
/// a double click presses the open key. Only picking a row by its place is the mouse's own.
enum Mouse {
    /// Rows one notch of the wheel moves.
    static let wheelRows = 3

    static func handle(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        guard s.mouseEnabled else { return [] }
        let layout = AppLayout(s)
        guard !layout.tooSmall else { return [] }
        let footerRow = m.y >= layout.footer.y && m.y < layout.footer.bottom
        if footerRow {
            guard m.kind == .click || m.kind == .doubleClick, let hint = layout.footerHint(atX: m.x) else { return [] }
            return handleKey(&s, hint.key)
        }
        switch m.kind {
        case .wheelUp, .wheelDown:
            if s.top.isScreen { focus(&s, layout.hit(x: m.x, y: m.y, on: s.screen)) }
            let context = s.keyContext
            guard let key = s.keymap.key(for: m.kind == .wheelDown ? .down : .up, in: context) else { return [] }
            var effects: [Effect] = []
            for _ in 0..<wheelRows { effects += handleKey(&s, key) }
            return effects
        case .click, .doubleClick:
            if case .form(let form) = s.top {
                guard let target = layout.form(form).field(x: m.x, y: m.y), target != form.focus else { return [] }
                let forward = target > form.focus
                guard let key = s.keymap.key(for: forward ? .nextField : .prevField, in: .form) else { return [] }
                var effects: [Effect] = []
                for _ in 0..<abs(target - form.focus) { effects += handleKey(&s, key) }
                return effects
            }
            guard s.top.isScreen else { return [] }
            let region = layout.hit(x: m.x, y: m.y, on: s.screen)
            focus(&s, region)
            guard case .list(let list, let row?) = region, select(&s, list, row: row, layout: layout) else { return [] }
            s.status = nil
            guard m.kind == .doubleClick, let open = s.keymap.key(for: .open, in: s.keyContext) else { return [] }
            return handleKey(&s, open)
        }
    }

    /// A click or the wheel over a dashboard pane focuses it.
    static func focus(_ s: inout AppState, _ region: AppLayout.Region) {
        guard s.screen == .dashboard, case .list(let list, _) = region else { return }
        if list == .coaching { s.dashboard.focus = .coaching }
        if list == .mentoring { s.dashboard.focus = .mentoring }
    }

    /// Selects the record on a visible row of a list; false when the row is empty.
    static func select(_ s: inout AppState, _ list: ListID, row: Int, layout: AppLayout) -> Bool {
        let visible = layout.visibleRows(list)
        guard row < visible else { return false }
        switch list {
        case .coaching:
            let ids = s.rows.coaching.map(\.id), i = s.dashboard.coaching.scroll.offset + row
            guard i < ids.count else { return false }
            s.dashboard.coaching.move(ids, visible: visible) { $0.moveTo(i, count: ids.count) }
        case .mentoring:
            let ids = s.rows.mentoring.map(\.id), i = s.dashboard.mentoring.scroll.offset + row
            guard i < ids.count else { return false }
            s.dashboard.mentoring.move(ids, visible: visible) { $0.moveTo(i, count: ids.count) }
        case .people:
            let ids = s.shownPeople.map(\.id), i = s.roster.scroll.offset + row
            guard i < ids.count else { return false }
            s.roster.move(ids, visible: visible) { $0.moveTo(i, count: ids.count) }
        case .archive:
            let ids = s.archiveRows.map(\.id), i = s.archive.scroll.offset + row
            guard i < ids.count else { return false }
            s.archive.move(ids, visible: visible) { $0.moveTo(i, count: ids.count) }
        case .person:
            guard var p = s.personScreen else { return false }
            let ids = p.items(in: s).map(\.id), i = p.list.scroll.offset + row
            guard i < ids.count else { return false }
            p.list.move(ids, visible: visible) { $0.moveTo(i, count: ids.count) }
            s.personScreen = p
        case .records:
            guard case .records(var st) = s.top else { return false }
            let i = st.scroll.offset + row
            guard i < st.refs.count else { return false }
            st.scroll.moveTo(i, count: st.refs.count)
            s.replaceTop(.records(st))
        }
        return true
    }
}
