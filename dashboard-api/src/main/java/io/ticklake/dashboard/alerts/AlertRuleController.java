package io.ticklake.dashboard.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticklake.dashboard.api.BadParameterException;
import io.ticklake.dashboard.security.Roles;
import io.ticklake.schemas.AlertRule;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Alert rules ({@code AlertRule} on the compacted topic {@code alert-rules}): anyone with the viewer role lists
 * them, the admin role creates, replaces and deletes them. The JSON is the contract's own fields
 * ({@link AvroJson}); {@code updated_at} is the server's, {@code rule_id} is made on create when absent. A rule the
 * contract refuses answers 400 naming the field.
 */
@Controller("/api/alert-rules")
@Tag(name = "alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class AlertRuleController {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SERVER_FIELDS = Set.of("updated_at");

    private final AlertRules rules;

    AlertRuleController(AlertRules rules) {
        this.rules = rules;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Every alert rule, by id")
    String list() {
        return json(rules.all().stream().map(AvroJson::write).toList());
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One alert rule")
    @ApiResponse(responseCode = "404", description = "no such rule")
    String get(@PathVariable String id) {
        return json(AvroJson.write(rules.get(id).orElseThrow(() -> noSuchRule(id))));
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(Roles.ADMIN)
    @Operation(summary = "Creates a rule; rule_id is made when absent")
    @ApiResponse(responseCode = "201", description = "the rule as written")
    @ApiResponse(responseCode = "400", description = "a field the contract refuses; names it")
    @ApiResponse(responseCode = "409", description = "a rule with that rule_id exists")
    HttpResponse<String> create(@Body String body) {
        AlertRule rule = read(body);
        if (rule.getRuleId() == null) {
            rule.setRuleId(UUID.randomUUID().toString());
        } else if (rules.get(rule.getRuleId()).isPresent()) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "a rule with rule_id '" + rule.getRuleId()
                    + "' exists; PUT /api/alert-rules/" + rule.getRuleId() + " replaces it");
        }
        return HttpResponse.created(json(AvroJson.write(rules.put(rule))));
    }

    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(Roles.ADMIN)
    @Operation(summary = "Creates or replaces the rule id (the whole rule: absent fields take their defaults)")
    @ApiResponse(responseCode = "400", description = "a field the contract refuses, or a rule_id other than id")
    String replace(@PathVariable String id, @Body String body) {
        AlertRule rule = read(body);
        if (rule.getRuleId() != null && !rule.getRuleId().equals(id)) {
            throw new BadParameterException("rule_id", "'rule_id' is '" + rule.getRuleId() + "' but the path says '"
                    + id + "'");
        }
        rule.setRuleId(id);
        return json(AvroJson.write(rules.put(rule)));
    }

    @Delete(uri = "/{id}")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Deletes a rule (a tombstone on alert-rules); it stops firing")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such rule")
    HttpResponse<Void> delete(@PathVariable String id) {
        if (!rules.delete(id)) {
            throw noSuchRule(id);
        }
        return HttpResponse.noContent();
    }

    private static AlertRule read(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        AlertRule rule = AvroJson.read(node, AvroJson.withDefaults(new AlertRule()), SERVER_FIELDS);
        rule.setUpdatedAt(Instant.now());
        return rule;
    }

    private static HttpStatusException noSuchRule(String id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no alert rule '" + id + "'");
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
