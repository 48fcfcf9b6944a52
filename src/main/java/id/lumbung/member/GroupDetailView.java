package id.lumbung.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanSummary;

/** One KUB group with its members (NIKs masked as for every member view). */
@Schema(name = "GroupDetail")
public record GroupDetailView(
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID id,
        @Schema(example = "KUB Mawar") String name,
        @Schema(nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID leaderMemberId,
        @Schema(example = "1") int memberCount,
        @Schema(example = "2026-02-03T02:15:30.123456Z") Instant createdAt,
        @Schema(description = "In registration order.") List<MemberView> members,
        @Schema(description = "The loans made through the group (tanggung renteng), with outstanding and arrears "
                + "today.") List<LoanSummary> loans) {
}
