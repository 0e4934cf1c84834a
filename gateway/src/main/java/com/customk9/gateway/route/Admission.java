package com.customk9.gateway.route;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.auth.Caller;
import com.customk9.gateway.auth.JwtVerifier;
import com.customk9.gateway.auth.KeysUnavailableException;
import com.customk9.gateway.auth.RevokedTokens;
import com.customk9.gateway.ratelimit.RateLimitDecision;
import com.customk9.gateway.ratelimit.RateLimitHeaders;
import com.customk9.gateway.ratelimit.RateLimiter;
import com.customk9.gateway.route.GatewayConfig.RateLimitKey;
import com.customk9.platform.error.ErrorCode;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Whether a request may pass the gateway, in this order:
 * <ol>
 * <li>the bearer token, if any, is verified (signature, claims) without I/O once the keys are known;</li>
 * <li>the request is counted against its rate-limit bucket: the route's own when it has a limit, else the
 * default one; per JWT subject when the token verified, else per client IP (so invalid tokens are
 * throttled too), or per API key on API-key routes; usually from a permit leased earlier, without I/O
 * ({@code QuotaLeases}); the limit headers go on the response whatever follows;</li>
 * <li>the token's revocation is answered by the local copy of the denylist ({@code RevokedTokenMirror})
 * while it is in sync, else looked up in Redis alongside;</li>
 * <li>429 over the limit; then on protected routes 401 without a valid, unrevoked token and 403 without one
 * of the route's roles. Public routes let everyone through.</li>
 * </ol>
 * The future holds the verified caller (null for anonymous) or fails with a {@link Refusal}.
 */
@Singleton
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    static final String API_KEY_HEADER = "X-API-Key";
    private static final Future<Caller> ANONYMOUS = Future.succeededFuture();

    private final JwtVerifier verifier;
    private final RevokedTokens revokedTokens;
    private final RateLimiter limiter;
    private final GatewayConfig.RateLimit limits;

    public Admission(JwtVerifier verifier, RevokedTokens revokedTokens, RateLimiter limiter, GatewayConfig config) {
        this.verifier = verifier;
        this.revokedTokens = revokedTokens;
        this.limiter = limiter;
        this.limits = config.rateLimit();
    }

    public Future<Caller> admit(Call call, Route route) {
        HttpServerRequest request = call.request();
        if (route.rateLimitKey() == RateLimitKey.API_KEY) {
            String apiKey = apiKey(request);
            String identity = apiKey == null ? "ip:" + call.clientIp() : "key:" + sha256(apiKey);
            int limit = route.rateLimit().orElse(apiKey == null ? limits.anonymous() : limits.authenticated());
            return rateLimit(call, route, identity, limit).compose(decision -> decision != null && !decision.allowed()
                    ? Future.failedFuture(tooManyRequests(decision))
                    : ANONYMOUS);
        }
        String token = bearerToken(request);
        if (token == null && !limits.enabled()) {
            // Nothing to verify, count or look up.
            return route.publicRoute() ? ANONYMOUS : Future.failedFuture(new Refusal(ErrorCode.UNAUTHORIZED, "Authentication required"));
        }
        Future<Caller> verified = token == null ? ANONYMOUS : verifier.verify(token);
        // Usually everything below is decided without I/O (a cached token, a leased permit, the local
        // denylist): then no future waits on another.
        if (!verified.isComplete()) {
            return verified.transform(verification -> counted(call, route, token, verification));
        }
        try {
            return counted(call, route, token, verified);
        } catch (RuntimeException e) {
            // As a failure inside transform would be: an internal error for the router to answer.
            return Future.failedFuture(e);
        }
    }

    private Future<Caller> counted(Call call, Route route, String token, AsyncResult<Caller> verification) {
        Caller caller = verification.succeeded() ? verification.result() : null;
        String identity = caller != null ? "user:" + caller.subject() : "ip:" + call.clientIp();
        int limit = route.rateLimit().orElse(caller != null ? limits.authenticated() : limits.anonymous());
        Future<RateLimitDecision> counted = rateLimit(call, route, identity, limit);
        // The local copy of the denylist answers while in sync; out of sync, an EXISTS of its own,
        // pipelined with the rate-limit call (if any) on this event loop's Redis connection.
        Boolean known = caller == null ? Boolean.FALSE : revokedTokens.knownLocally(caller.tokenId());
        Future<Boolean> revoked = known != null ? Future.succeededFuture(known) : revokedTokens.isRevoked(caller.tokenId());
        if (counted.isComplete() && revoked.isComplete()) {
            return decide(route, token, caller, verification.cause(), counted, revoked);
        }
        return Future.join(counted, revoked).transform(ignored -> decide(route, token, caller, verification.cause(), counted, revoked));
    }

    private Future<Caller> decide(Route route, String token, Caller caller, Throwable rejection,
            Future<RateLimitDecision> counted, Future<Boolean> revoked) {
        RateLimitDecision decision = counted.result();
        if (decision != null && !decision.allowed()) {
            return Future.failedFuture(tooManyRequests(decision));
        }
        if (rejection != null) {
            LOG.debugf("Token refused: %s", rejection.getMessage());
        }
        boolean isRevoked = revoked.succeeded() && Boolean.TRUE.equals(revoked.result());
        if (route.publicRoute()) {
            return Future.succeededFuture(caller == null || isRevoked || revoked.failed() ? null : caller);
        }
        if (token == null) {
            return Future.failedFuture(new Refusal(ErrorCode.UNAUTHORIZED, "Authentication required"));
        }
        if (rejection instanceof KeysUnavailableException) {
            return Future.failedFuture(new Refusal(ErrorCode.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be verified right now, try again shortly"));
        }
        if (caller == null) {
            return Future.failedFuture(new Refusal(ErrorCode.UNAUTHORIZED, "Invalid or expired access token"));
        }
        if (revoked.failed()) {
            return Future.failedFuture(new Refusal(ErrorCode.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be checked right now, try again shortly"));
        }
        if (isRevoked) {
            return Future.failedFuture(new Refusal(ErrorCode.UNAUTHORIZED, "The access token has been revoked"));
        }
        if (!caller.hasAnyRole(route.roles())) {
            return Future.failedFuture(new Refusal(ErrorCode.FORBIDDEN, "Your account may not use this resource"));
        }
        return Future.succeededFuture(caller);
    }

    private static Refusal tooManyRequests(RateLimitDecision decision) {
        return new Refusal(ErrorCode.TOO_MANY_REQUESTS,
                "Too many requests: the limit is " + decision.limit() + " per window, try again in " + decision.resetSeconds() + " s",
                Map.of("limit", decision.limit(), "retry_after", decision.resetSeconds()));
    }

    /** Null when rate limiting is off. */
    private Future<RateLimitDecision> rateLimit(Call call, Route route, String identity, int limit) {
        if (!limits.enabled()) {
            return Future.succeededFuture();
        }
        String bucket = (route.rateLimit().isPresent() ? route.name() : "default") + ":" + identity;
        Future<RateLimitDecision> checked = limiter.check(bucket, limit);
        if (checked.succeeded()) {
            RateLimitHeaders.write(call.response().headers(), checked.result());
            return checked;
        }
        return checked.onSuccess(decision -> RateLimitHeaders.write(call.response().headers(), decision));
    }

    static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static String apiKey(HttpServerRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        return bearerToken(request);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
