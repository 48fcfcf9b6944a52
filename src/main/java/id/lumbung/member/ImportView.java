package id.lumbung.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of a members import: every row was registered. */
@Schema(name = "MemberImport")
public record ImportView(@Schema(description = "Members registered.", example = "120") int count) {
}
