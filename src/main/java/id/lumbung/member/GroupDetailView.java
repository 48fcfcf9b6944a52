package id.lumbung.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanSummary;
import id.lumbung.loan.group.GroupLoanView;
import id.lumbung.money.Amount;

/** One KUB group with its members (NIKs masked as for every member view). */
@Schema(name = "GroupDetail")
public record GroupDetailView(
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID id,
        @Schema(example = "KUB Mawar") String name,
        @Schema(nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID leaderMemberId,
        @Schema(example = "1") int memberCount,
        @Schema(example = "2026-02-03T02:15:30.123456Z") Instant createdAt,
        @Schema(description = "In registration order.") List<MemberView> members,
        @Schema(description = "The loans made through the group (tanggung renteng), each group loan's shares "
                + "among them, with outstanding and arrears today.") List<LoanSummary> loans,
        @Schema(description = "The group's KUB group loans with their shares and totals, as of today.")
        List<GroupLoanView> groupLoans,
        @Schema(description = "Every member of the group, and anyone else with a loan through it, with whether "
                + "a loan of theirs through the group is in arrears today: the group sees every member's arrears "
                + "(joint liability).")
        List<MemberArrears> memberArrears) {

    /** Whether a member's loans through the group are in arrears today. */
    @Schema(name = "GroupMemberArrears")
    public record MemberArrears(
            @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
            @Schema(description = "Null for someone who has left the group but still owes through it.",
                    nullable = true, example = "Siti Aminah")
            String name,
            @Schema(example = "true") boolean inArrears,
            @Schema(type = SchemaType.STRING, example = "348450.00") Amount arrearsAmount,
            @Schema(description = "The worst of the member's loans through the group.", example = "10")
            int daysPastDue) {
    }
}
