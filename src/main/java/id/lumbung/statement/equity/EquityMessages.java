package id.lumbung.statement.equity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The statement of changes in equity's own captions, Indonesian by default; English in
 * {@code messages/equity_en.properties}. The header's words stay in the shared statement bundle.
 */
@MessageBundle(value = "equity", locale = "id")
public interface EquityMessages {

    @Message("Laporan Perubahan Ekuitas")
    String title();

    @Message("Saldo awal")
    String opening();

    @Message("Saldo akhir")
    String closing();

    @Message("Saldo awal pembukuan")
    String movementOpeningBalances();

    @Message("Penerimaan hibah")
    String movementGrants();

    @Message("Penyertaan modal masyarakat (swadaya)")
    String movementContributions();

    @Message("Surplus (defisit) periode berjalan")
    String movementPeriodSurplus();

    @Message("Penutupan surplus akhir tahun buku")
    String movementSurplusClosed();

    @Message("Pembagian surplus (keputusan musyawarah)")
    String movementSurplusAllocations();

    @Message("Lain-lain (penyesuaian)")
    String movementOther();

    @Message("Surplus (defisit) berjalan yang belum ditutup")
    String unclosedSurplus();

    @Message("Jumlah Ekuitas")
    String totalEquity();
}
