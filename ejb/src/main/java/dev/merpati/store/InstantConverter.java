package dev.merpati.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Maps {@link Instant} (not a JPA 3.1 basic type) to TIMESTAMP WITH TIME ZONE columns. Writes a
 * {@link Timestamp}, which every driver binds as the same instant. The database type is left as
 * {@code Object} because drivers read those columns differently and EclipseLink passes the value on
 * unconverted: H2 2.x returns {@link OffsetDateTime}, PostgreSQL's driver {@link Timestamp}.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Date date) { // includes Timestamp, whose toInstant keeps the nanoseconds
            return date instanceof Timestamp ts ? ts.toInstant() : date.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException(
                "Not a timestamp: " + value.getClass().getName());
    }
}
