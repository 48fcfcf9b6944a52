package id.lumbung.member;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import id.lumbung.loan.LoanService;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Members (anggota) of one LED. */
@Path("/api/v1/leds/{ledId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Members")
@RetriesReads
public class MemberResource {

    private final MemberService members;
    private final LoanService loans;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public MemberResource(MemberService members, LoanService loans, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.members = members;
        this.loans = loans;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMembers",
            summary = "List members", description = "In registration order; pages with `limit` and `after`. "
            + "NIKs are shown in full to led-manager and auditor only, masked to every other role.")
    @APIResponse(responseCode = "200", description = "A page of members")
    public Page<MemberView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Only members of this KUB group.") @QueryParam("groupId") UUID groupId,
            @Parameter(description = "Part of the name (case-insensitive), or a whole NIK.", example = "siti")
            @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_MEMBERS);
        return members.list(ledId, groupId, q, Cursor.limit(limit), after, access.allows(LedPermission.VIEW_FULL_NIK));
    }

    @POST
    @Operation(operationId = "registerMember",
            summary = "Register a member", description = "Led-manager and led-clerk. The NIK must be well-formed, "
            + "agree with gender and birth date, and be new in this LED (409 `duplicate-nik`).")
    @APIResponse(responseCode = "201", description = "The new member",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberView.class)))
    public Response create(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "member", value = """
                    {
                      "name": "Siti Rahmawati",
                      "nik": "1406014507900003",
                      "gender": "F",
                      "birthDate": "1990-07-05",
                      "hamlet": "Dusun II Kuok",
                      "phone": "081276543210",
                      "groupId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70"
                    }""")))
            @NotNull @Valid MemberRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.MANAGE_MEMBERS);
        boolean fullNik = access.allows(LedPermission.VIEW_FULL_NIK);
        return idempotency.execute(ledId, idempotencyKey, "POST members", request, () -> {
            MemberView member = members.create(ledId, request, caller.subject(), fullNik);
            return Created.at(uri.getAbsolutePathBuilder().path(member.id().toString()).build(), member);
        });
    }

    @GET
    @Path("/{memberId}")
    @Operation(operationId = "getMember", summary = "One member, with their loans", description = "The member and "
            + "every loan they have had, each with its outstanding principal and arrears today. The `ETag` is the "
            + "member's version: send it as `If-Match` with a change.")
    @APIResponse(responseCode = "200", description = "The member", headers = @Header(ref = "ETag"))
    public RestResponse<MemberDetailView> get(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID id) {
        access.require(ledId, LedPermission.READ_MEMBERS);
        MemberService.Versioned member = members.getVersioned(ledId, id, access.allows(LedPermission.VIEW_FULL_NIK));
        return RestResponse.ResponseBuilder.ok(MemberDetailView.of(member.member(), loans.ofBorrowers(ledId, id, null)))
                .header(ETags.ETAG, ETags.of(member.version())).build();
    }

    @PATCH
    @Path("/{memberId}")
    @Operation(operationId = "updateMember",
            summary = "Change a member's contact data or group", description = "Led-manager and led-clerk. Only "
            + "`name`, `hamlet`, `phone` and `groupId` can change; `null` clears hamlet, phone or group. A body "
            + "naming `nik`, `gender` or `birthDate` is refused (400, the field named): they identify the person. "
            + "Send the `ETag` of your last read as `If-Match`: if someone changed the member since, nothing is "
            + "changed and the answer is 412 `precondition-failed` (read again, reapply). Without `If-Match` the "
            + "change is made whatever happened meanwhile.")
    @APIResponse(responseCode = "200", description = "The member after the change", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<MemberView> patch(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID id,
            @Parameter(description = "The `ETag` the change was based on, e.g. `\"3\"`; 412 when it is no longer "
                    + "current.", example = "\"3\"") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "move", value = """
                    {
                      "hamlet": "Dusun III Kuok",
                      "phone": "085265551234",
                      "groupId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70"
                    }""")))
            @NotNull @Valid MemberPatch patch) {
        access.require(ledId, LedPermission.MANAGE_MEMBERS);
        MemberService.Versioned member = members.patch(ledId, id, patch, caller.subject(),
                access.allows(LedPermission.VIEW_FULL_NIK), ifMatch);
        return RestResponse.ResponseBuilder.ok(member.member()).header(ETags.ETAG, ETags.of(member.version())).build();
    }
}
