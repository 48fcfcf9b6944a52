package id.lumbung.statement.ledger;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The account ledger's and the cash book's own words, Indonesian by default; English in
 * {@code messages/ledger_en.properties}. Header words stay in {@code StatementMessages}.
 */
@MessageBundle(value = "ledger", locale = "id")
public interface LedgerMessages {

    @Message("Buku Besar")
    String accountLedgerTitle();

    @Message("Buku Kas")
    String cashBookTitle();

    @Message("Tanggal")
    String columnDate();

    @Message("No. Entri")
    String columnEntry();

    @Message("Keterangan")
    String columnDescription();

    @Message("Akun Lawan")
    String columnCounterAccounts();

    @Message("Akun Kas/Bank")
    String columnBookAccount();

    @Message("Saldo")
    String columnBalance();

    @Message("Saldo Awal")
    String openingBalance();

    @Message("Saldo Akhir")
    String closingBalance();
}
