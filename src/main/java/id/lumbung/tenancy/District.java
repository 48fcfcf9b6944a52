package id.lumbung.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A district (kabupaten): the government that funds and oversees its villages' LEDs. */
@Entity
@Table(name = "district")
public class District extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    public Instant createdAt;
    public String createdBy;
}
