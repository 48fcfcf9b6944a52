package id.lumbung.statement.notes;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The notes' own words (catatan atas laporan keuangan), Indonesian by default; English in
 * {@code messages/notes_en.properties}. The policy sentences are here, not in code, so an accountant
 * can correct their wording by editing a file.
 */
@MessageBundle(value = "notes", locale = "id")
public interface NotesMessages {

    @Message("Catatan atas Laporan Keuangan")
    String title();

    @Message("Pokok")
    String columnItem();

    @Message("Jumlah")
    String columnAmount();

    @Message("Penyisihan")
    String columnAllowance();

    @Message("A. Ikhtisar Kebijakan Akuntansi")
    String sectionPolicies();

    @Message("B. Penutupan Periode")
    String sectionPeriodCloses();

    @Message("C. Hibah yang Diterima")
    String sectionGrants();

    @Message("D. Portofolio Pinjaman menurut Kolektibilitas")
    String sectionPortfolio();

    @Message("Pernyataan kepatuhan")
    String itemCompliance();

    @Message("Dasar penyusunan")
    String itemBasis();

    @Message("Pembulatan")
    String itemRounding();

    @Message("Urutan alokasi angsuran")
    String itemAllocationOrder();

    @Message("Kolektibilitas pinjaman")
    String itemLoanQuality();

    @Message("Penyisihan kerugian pinjaman")
    String itemLoanLossAllowance();

    @Message("Laporan keuangan ini disusun sesuai dengan Standar Akuntansi Keuangan Entitas Mikro, Kecil, dan "
            + "Menengah (SAK EMKM), kecuali bahwa pendapatan jasa dan denda pinjaman diakui pada saat diterima, "
            + "bukan pada saat terutang.")
    String compliance();

    @Message("Laporan keuangan disusun berdasarkan konsep biaya historis dengan dasar akrual, kecuali pendapatan "
            + "jasa dan denda pinjaman yang diakui pada saat kas diterima, dan disajikan dalam Rupiah.")
    String basis();

    @Message("Angsuran, jasa dan penyisihan dibulatkan ke kelipatan Rp {step} {mode}; selisih pembulatan "
            + "diserap angsuran terakhir.")
    String rounding(String step, String mode);

    @Message("ke nilai terdekat (setengah ke atas)")
    String roundingHalfUp();

    @Message("ke atas")
    String roundingUp();

    @Message("ke bawah")
    String roundingDown();

    @Message("Pembayaran angsuran dialokasikan berturut-turut ke denda, jasa, lalu pokok.")
    String allocationPenaltyInterestPrincipal();

    @Message("Pembayaran angsuran dialokasikan berturut-turut ke jasa, pokok, lalu denda.")
    String allocationInterestPrincipalPenalty();

    @Message("Pinjaman digolongkan menurut {measure} dengan tabel {table} yang berlaku sejak {since}; penyisihan "
            + "yang dibentuk adalah pokok terutang dikalikan tarif golongannya.")
    String loanQuality(String measure, String table, String since);

    @Message("hari tunggakan")
    String measureDaysPastDue();

    @Message("jumlah angsuran tertunggak")
    String measureMissedInstallments();

    @Message("hari tunggakan")
    String unitDaysPastDue();

    @Message("angsuran tertunggak")
    String unitMissedInstallments();

    @Message("khusus LED")
    String customTable();

    @Message("awal pembukuan")
    String sinceTheBeginning();

    @Message("SAK EMKM hanya mengizinkan penyisihan penurunan nilai piutang bila diwajibkan regulator keuangan. "
            + "LED memberikan pinjaman bergulir kepada anggota seperti lembaga keuangan mikro, sehingga membentuk "
            + "penyisihan kerugian pinjaman menurut kolektibilitas (tabel di atas) agar piutang pinjaman tidak "
            + "disajikan melebihi jumlah yang diperkirakan dapat ditagih.")
    String loanLossAllowance();

    @Message("{band}; penyisihan {percent} %")
    String qualityClass(String band, String percent);

    @Message("{lower}–{upper} {unit}")
    String bandRange(String lower, String upper, String unit);

    @Message("{bound} {unit}")
    String bandExactly(String bound, String unit);

    @Message("lebih dari {bound} {unit}")
    String bandAbove(String bound, String unit);

    @Message("Mingguan")
    String weekly();

    @Message("Lancar")
    String classLancar();

    @Message("Dalam Perhatian Khusus")
    String classDalamPerhatianKhusus();

    @Message("Kurang Lancar")
    String classKurangLancar();

    @Message("Diragukan")
    String classDiragukan();

    @Message("Macet")
    String classMacet();

    @Message("Buku ditutup sampai {through} pada {closedAt}; entri terakhir saat penutupan no. {number}, hash {hash}")
    String periodClose(String through, String closedAt, String number, String hash);

    @Message("Belum ada periode yang ditutup.")
    String noPeriodCloses();

    @Message("{source} ({decree})")
    String grant(String source, String decree);

    @Message("{source} ({decree}), dibatalkan dengan entri pembalik")
    String grantReversed(String source, String decree);

    @Message("Belum ada hibah yang diterima.")
    String noGrants();

    @Message("Jumlah hibah")
    String grantsTotal();

    @Message("{loans} pinjaman; penyisihan {percent} %")
    String portfolioClass(String loans, String percent);

    @Message("Jumlah portofolio ({loans} pinjaman)")
    String portfolioTotal(String loans);

    @Message("Penyisihan yang dibukukan")
    String provisionBooked();

    @Message("Klasifikasi arus kas")
    String itemCashFlow();

    @Message("Laporan arus kas disusun dengan metode langsung. Penyaluran pinjaman kepada anggota dan "
            + "penerimaan pokoknya, jasa, denda dan simpanan anggota disajikan sebagai aktivitas "
            + "operasi, karena pemberian pinjaman adalah kegiatan utama LED (PSAK 2, IAS 7.15); hibah "
            + "dan modal masyarakat sebagai aktivitas pendanaan.")
    String cashFlowOperating();

    @Message("Laporan arus kas disusun dengan metode langsung. Penyaluran pinjaman kepada anggota dan "
            + "penerimaan pokoknya disajikan sebagai aktivitas investasi, karena pemberian pinjaman "
            + "bukan kegiatan utama LED (IAS 7.16); jasa, denda dan simpanan anggota sebagai aktivitas "
            + "operasi; hibah dan modal masyarakat sebagai aktivitas pendanaan.")
    String cashFlowInvesting();
}
