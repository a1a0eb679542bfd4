import Testing
@testable import TandemStore

@Suite("Slug: readable file names")
struct SlugTests {
    @Test(arguments: [
        ("Ana Lima", "ana-lima"),
        ("  João   da Silva!! ", "joao-da-silva"),
        ("Zoë Ångström-Čapek", "zoe-angstrom-capek"),
        ("Strauß Øster Łukasz", "strauss-oster-lukasz"),
        ("O'Brien & Co. #2", "o-brien-co-2"),
        ("王小明", "person"),
        ("王 Li", "li"),
        ("", "person"),
        ("Maximiliana Wilhelmina Bartholomew-Featherstonehaugh", "maximiliana-wilhelmina-bartholomew-feath"),
        ("Abcdefghij Abcdefghij Abcdefghij Abcdefg Hij", "abcdefghij-abcdefghij-abcdefghij-abcdefg"),
        ("Abcdefghij Abcdefghij Abcdefghij Abcdefgh Ij", "abcdefghij-abcdefghij-abcdefghij-abcdefg"),
        ("Abcdefghij Abcdefghij Abcdefghij Abcdefg", "abcdefghij-abcdefghij-abcdefghij-abcdefg"),
    ])
    func slugs(_ name: String, _ expected: String) {
        #expect(Slug.make(name, fallback: "person") == expected)
    }

    @Test func neverLongerThan40AndNeverEndsWithADash() {
        let slug = Slug.make("Abcdefghij Abcdefghij Abcdefghij Abcdefg Hij", fallback: "x")
        #expect(slug.count <= 40)
        #expect(!slug.hasSuffix("-"))
        let trimmed = Slug.make(String(repeating: "a", count: 39) + " bc", fallback: "x")
        #expect(trimmed == String(repeating: "a", count: 39))
    }
}
