/// The two official table formats. The format in force depends on the year reported on:
/// the 2019 trial format (国办公开办函〔2019〕60号) for 2019–2020, the 2021 format
/// (国办公开办函〔2021〕30号) from the reports on 2021 on.
public enum Template: String, Hashable, Sendable, CaseIterable {
    case format2019 = "2019"
    case format2021 = "2021"

    /// The format a report on `year` must use; nil for years before the formats existed.
    public static func inForce(forYear year: Int) -> Template? {
        switch year {
        case ..<2019: nil
        case 2019...2020: .format2019
        default: .format2021
        }
    }
}
