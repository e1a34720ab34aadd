package io.ticklake.infra.service;

/** Something a client connects to, e.g. ("bootstrap servers", "127.0.0.1:9092"). */
public record Endpoint(String label, String address) {
}
