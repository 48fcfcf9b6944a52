package id.lumbung.loan.quality;

import id.lumbung.money.Amount;

/** A classified loan as of a day: its class (with the class's rate) and the provision it needs. */
public record Grade(QualityClass qualityClass, Amount outstandingPrincipal, Amount provisionRequired,
        boolean restructured) {

    public Kolektibilitas kolektibilitas() {
        return qualityClass.kolektibilitas();
    }
}
