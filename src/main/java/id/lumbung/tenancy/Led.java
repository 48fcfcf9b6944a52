package id.lumbung.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A village economic institution (LED, Lembaga Ekonomi Desa): the tenant whose books are its own. */
@Entity
@Table(name = "led")
public class Led extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID districtId;
    public String code;
    public String name;
    public String village;
    public Instant createdAt;
    public String createdBy;
}
