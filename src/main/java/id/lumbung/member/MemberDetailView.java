package id.lumbung.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanSummary;

/** One member with the loans they have had, each with its outstanding and arrears today. */
@Schema(name = "MemberDetail")
public record MemberDetailView(
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID id,
        @Schema(example = "Siti Aminah") String name,
        @Schema(description = "In full for led-manager and auditor; masked (first 6 and last 4 digits) for every "
                + "other role.", example = "140601******0003") String nik,
        @Schema(example = "F") Gender gender,
        @Schema(example = "1990-07-05") LocalDate birthDate,
        @Schema(nullable = true, example = "Dusun II Kuok") String hamlet,
        @Schema(nullable = true, example = "081276543210") String phone,
        @Schema(nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID groupId,
        @Schema(example = "2026-02-03T02:15:30.123456Z") Instant createdAt,
        @Schema(description = "Every loan of the member, in the order applied for.") List<LoanSummary> loans) {

    static MemberDetailView of(MemberView member, List<LoanSummary> loans) {
        return new MemberDetailView(member.id(), member.name(), member.nik(), member.gender(), member.birthDate(),
                member.hamlet(), member.phone(), member.groupId(), member.createdAt(), loans);
    }
}
