package id.lumbung.member;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** KUB groups (Kelompok Usaha Bersama, joint business groups) of one LED. */
@Path("/api/v1/leds/{ledId}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Groups")
@RetriesReads
public class GroupResource {

    private final GroupService groups;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public GroupResource(GroupService groups, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.groups = groups;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listGroups",
            summary = "List KUB groups", description = "In creation order; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of groups")
    public Page<GroupView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_MEMBERS);
        return groups.list(ledId, Cursor.limit(limit), after);
    }

    @POST
    @Operation(operationId = "createGroup",
            summary = "Form a KUB group", description = "Led-manager and led-clerk. The name is unique in the LED "
            + "(409 `duplicate-group-name`). A leader must be a member of this LED (422 `unknown-member`) and joins "
            + "the group.")
    @APIResponse(responseCode = "201", description = "The new group with its members",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupDetailView.class)))
    public Response create(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "group", value = """
                    {
                      "name": "KUB Mawar",
                      "leaderMemberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c"
                    }""")))
            @NotNull @Valid GroupRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.MANAGE_MEMBERS);
        boolean fullNik = access.allows(LedPermission.VIEW_FULL_NIK);
        return idempotency.execute(ledId, idempotencyKey, "POST groups", request, () -> {
            GroupDetailView group = groups.create(ledId, request, caller.subject(), fullNik);
            return Created.at(uri.getAbsolutePathBuilder().path(group.id().toString()).build(), group);
        });
    }

    @GET
    @Path("/{groupId}")
    @Operation(operationId = "getGroup",
            summary = "One KUB group with its members", description = "NIKs masked as in the member views.")
    @APIResponse(responseCode = "200", description = "The group")
    public GroupDetailView get(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID id) {
        access.require(ledId, LedPermission.READ_MEMBERS);
        return groups.get(ledId, id, access.allows(LedPermission.VIEW_FULL_NIK));
    }
}
