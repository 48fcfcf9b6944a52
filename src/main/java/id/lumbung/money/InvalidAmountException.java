package id.lumbung.money;

/** A text or number that is not a valid rupiah amount. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}
