package id.lumbung.statement;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every statement shares, Indonesian by default; English in
 * {@code messages/stmt_en.properties}. A statement's own captions live in its own bundle. Keeping
 * them here, not in code, is what lets an accountant correct a caption by editing a file
 * (STATEMENTS.md recommendation 12).
 */
@MessageBundle(value = "stmt", locale = "id")
public interface StatementMessages {

    @Message("SAK EMKM, kecuali pendapatan jasa dan denda diakui saat diterima")
    String basis();

    @Message("dalam Rupiah")
    String currency();

    @Message("Laporan")
    String fieldStatement();

    @Message("Judul")
    String fieldTitle();

    @Message("Kode LED")
    String fieldLedCode();

    @Message("Nama LED")
    String fieldLedName();

    @Message("Desa")
    String fieldVillage();

    @Message("Kabupaten")
    String fieldDistrict();

    @Message("Per tanggal")
    String fieldAsOf();

    @Message("Dari tanggal")
    String fieldFrom();

    @Message("Sampai tanggal")
    String fieldTo();

    @Message("Dasar penyusunan")
    String fieldBasis();

    @Message("Mata uang")
    String fieldCurrency();

    @Message("Dibuat pada")
    String fieldGeneratedAt();

    @Message("Nomor entri terakhir")
    String fieldChainNumber();

    @Message("Hash entri terakhir")
    String fieldChainHash();

    @Message("Jumlah entri jurnal")
    String fieldEntryCount();

    @Message("Halaman")
    String page();

    @Message("dari")
    String pageOf();

    @Message("Jumlah")
    String total();

    @Message("Akun")
    String columnAccount();

    @Message("Nama Akun")
    String columnName();

    @Message("Jenis")
    String columnType();

    @Message("Debit")
    String columnDebit();

    @Message("Kredit")
    String columnCredit();

    @Message("Aset")
    String typeAsset();

    @Message("Liabilitas")
    String typeLiability();

    @Message("Ekuitas")
    String typeEquity();

    @Message("Pendapatan")
    String typeIncome();

    @Message("Beban")
    String typeExpense();

    @Message("Neraca Saldo")
    String trialBalanceTitle();

    @Message("Neraca Saldo Setelah Penutupan")
    String trialBalancePostClosingTitle();

    @Message("Laporan Posisi Keuangan")
    String balanceSheetTitle();

    @Message("Laporan Laba Rugi")
    String incomeStatementTitle();

    @Message("Kode")
    String columnCode();

    @Message("Uraian")
    String columnDescription();

    @Message("Aset Lancar")
    String groupCurrentAssets();

    @Message("Aset Tidak Lancar")
    String groupNonCurrentAssets();

    @Message("Liabilitas Jangka Pendek")
    String groupCurrentLiabilities();

    @Message("Liabilitas Jangka Panjang")
    String groupNonCurrentLiabilities();

    @Message("Ekuitas")
    String groupEquity();

    @Message("Pendapatan Usaha")
    String groupOperatingIncome();

    @Message("Pendapatan Lain-lain")
    String groupOtherIncome();

    @Message("Beban Usaha")
    String groupOperatingExpense();

    @Message("Beban Lain-lain")
    String groupOtherExpense();

    @Message("Surplus (defisit) berjalan yang belum ditutup")
    String currentYearSurplus();

    @Message("Jumlah Liabilitas dan Ekuitas")
    String liabilitiesAndEquity();

    @Message("Surplus (Defisit)")
    String surplusForPeriod();

    @Message("Aset")
    String sectionAssets();

    @Message("Liabilitas")
    String sectionLiabilities();

    @Message("Ekuitas")
    String sectionEquity();

    @Message("Pendapatan")
    String sectionIncome();

    @Message("Beban")
    String sectionExpenses();

    @Message("Laporan Arus Kas")
    String cashFlowTitle();

    @Message("Arus Kas dari Aktivitas Operasi")
    String cashFlowOperating();

    @Message("Arus Kas dari Aktivitas Investasi")
    String cashFlowInvesting();

    @Message("Arus Kas dari Aktivitas Pendanaan")
    String cashFlowFinancing();

    @Message("Kas Bersih dari Aktivitas Operasi")
    String cashFlowNetOperating();

    @Message("Kas Bersih dari Aktivitas Investasi")
    String cashFlowNetInvesting();

    @Message("Kas Bersih dari Aktivitas Pendanaan")
    String cashFlowNetFinancing();

    @Message("Penerimaan kas")
    String cashFlowReceived();

    @Message("Pengeluaran kas")
    String cashFlowPaid();

    @Message("Kenaikan (Penurunan) Kas dan Bank")
    String cashFlowNetChange();

    @Message("Saldo Awal Kas dan Bank")
    String cashFlowOpening();

    @Message("Saldo Akhir Kas dan Bank")
    String cashFlowClosing();
}
