package io.ticklake.dashboard.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * The credentials of the dashboard ({@code ticklake.security.*}), set from the environment
 * ({@code TICKLAKE_SECURITY_VIEWER_PASSWORD}, ...) and never logged: HTTP Basic passwords of the users
 * {@code viewer} and {@code admin} for people, bearer API tokens of the same roles for programs. A
 * credential left unset cannot be used; with none set, every protected request answers 401.
 */
@ConfigurationProperties("ticklake.security")
public class SecurityProperties {

    private String viewerPassword;
    private String adminPassword;
    private String viewerToken;
    private String adminToken;

    public Optional<String> getViewerPassword() {
        return present(viewerPassword);
    }

    public void setViewerPassword(@Nullable String viewerPassword) {
        this.viewerPassword = viewerPassword;
    }

    public Optional<String> getAdminPassword() {
        return present(adminPassword);
    }

    public void setAdminPassword(@Nullable String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public Optional<String> getViewerToken() {
        return present(viewerToken);
    }

    public void setViewerToken(@Nullable String viewerToken) {
        this.viewerToken = viewerToken;
    }

    public Optional<String> getAdminToken() {
        return present(adminToken);
    }

    public void setAdminToken(@Nullable String adminToken) {
        this.adminToken = adminToken;
    }

    /** True when at least one credential is set, so that someone can authenticate. */
    public boolean anyCredential() {
        return getViewerPassword().isPresent() || getAdminPassword().isPresent() || getViewerToken().isPresent()
                || getAdminToken().isPresent();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    @Override
    public String toString() {
        return "SecurityProperties[credentials not shown]";
    }
}
