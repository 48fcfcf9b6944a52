package id.lumbung.member;

/** A member's gender as the NIK encodes it: women's NIKs add 40 to the day of birth. */
public enum Gender {
    F,
    M
}
