package id.lumbung.loan.writeoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanView;
import id.lumbung.money.Amount;

/** A write-off request, and once completed how the principal left loans receivable. */
@Schema(name = "WriteOff")
public record WriteOffView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000901") UUID id,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID loanId,
        @Schema(example = "COMPLETED") LoanWriteOff.Status status,
        @Schema(example = "2027-06-30") LocalDate on,
        @Schema(example = "Anggota pindah ke luar daerah, usaha kerupuk sagu tutup; ditagih 6 kali tanpa hasil")
        String reason,
        @Schema(type = SchemaType.STRING, description = "The outstanding principal written off (while pending: as "
                + "it stood when requested).", example = "1200000.00") Amount principal,
        @Schema(type = SchemaType.STRING, nullable = true, description = "Of it, Dr 1-1310 Penyisihan (the "
                + "allowance held); set once completed.", example = "1000000.00") Amount fromAllowance,
        @Schema(type = SchemaType.STRING, nullable = true, description = "The rest, Dr 5-1200 Beban Kerugian "
                + "Pinjaman; set once completed.", example = "200000.00") Amount fromExpense,
        @Schema(nullable = true, description = "The WRITE_OFF entry, once completed.",
                example = "0193a5c2-11aa-7e0f-b3c4-000000000902") UUID entryId,
        @Schema(example = "2027-06-30T02:00:00Z") Instant requestedAt,
        @Schema(example = "manager.siti") String requestedBy,
        @Schema(nullable = true, example = "2027-06-30T05:00:00Z") Instant decidedAt,
        @Schema(nullable = true, example = "manager.andi") String decidedBy,
        @Schema(nullable = true, description = "The approval note or the rejection reason.") String decisionNote,
        @Schema(nullable = true, description = "The loan after it, in the answer to a POST.") LoanView loan) {

    static WriteOffView from(LoanWriteOff w, LoanView loan) {
        return new WriteOffView(w.id, w.loanId, w.status, w.writtenOffOn, w.reason, Amount.of(w.principal),
                w.fromAllowance == null ? null : Amount.of(w.fromAllowance),
                w.fromExpense == null ? null : Amount.of(w.fromExpense), w.entryId, w.requestedAt, w.requestedBy,
                w.decidedAt, w.decidedBy, w.decisionNote, loan);
    }
}
