package id.lumbung.training;

/** What a module teaches. */
public enum ModuleArea {
    ENTREPRENEURSHIP, DIGITAL_BUSINESS, PRODUCTION_SKILLS, FINANCIAL_MANAGEMENT, OTHER
}
