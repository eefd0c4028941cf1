/// Every rule's id, one constant each. Rules, the screen and the outputs name a rule by these;
/// `RuleID` is not made from a string literal, so a misspelt id does not compile (an id read
/// back from a worker or a file goes through `RuleID(_:)`).
extension RuleID {
    public static let blankCell = RuleID("BLANK_CELL")
    public static let crossYearCarry = RuleID("CROSS_YEAR_CARRY")
    public static let crossYearInForce = RuleID("CROSS_YEAR_IN_FORCE")
    public static let dateOrder = RuleID("DATE_ORDER")
    public static let emptySection = RuleID("EMPTY_SECTION")
    public static let labelVariant = RuleID("LABEL_VARIANT")
    public static let latePublication = RuleID("LATE_PUBLICATION")
    public static let missingRow = RuleID("MISSING_ROW")
    public static let missingSection = RuleID("MISSING_SECTION")
    public static let missingTable = RuleID("MISSING_TABLE")
    public static let narrativeTable = RuleID("NARRATIVE_TABLE")
    public static let rowShape = RuleID("ROW_SHAPE")
    public static let spanClamped = RuleID("SPAN_CLAMPED")
    public static let table2Balance = RuleID("T2_BALANCE")
    public static let table2ResultSum = RuleID("T2_RESULT_SUM")
    public static let table2RowTotal = RuleID("T2_ROW_TOTAL")
    public static let table3GroupTotal = RuleID("T3_GROUP_TOTAL")
    public static let templateMismatch = RuleID("TEMPLATE_MISMATCH")
    public static let unreadableCell = RuleID("UNREADABLE_CELL")
}
