package io.ticklake.schemas.registry;

import org.apache.avro.Schema;

/** A schema as stored under a subject: its subject, version, global id and content. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
