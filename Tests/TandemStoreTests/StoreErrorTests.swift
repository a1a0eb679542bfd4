import Testing
@testable import TandemStore

@Suite("StoreError: messages like a compiler's")
struct StoreErrorTests {
    @Test func describesWhereAndWhat() {
        #expect(StoreError(.parse, file: "coaching/ana-lima-1a2b3c4d.json", line: 14, column: 9,
                           "expected ',' or '}' after a value").description
                == "coaching/ana-lima-1a2b3c4d.json:14:9: expected ',' or '}' after a value")
        #expect(StoreError(.conflict, file: "people/x.json", "changed on disk since it was loaded").description
                == "people/x.json: changed on disk since it was loaded")
        #expect(StoreError(.notFound, "no Tandem store in /tmp/x").description == "no Tandem store in /tmp/x")
    }
}
