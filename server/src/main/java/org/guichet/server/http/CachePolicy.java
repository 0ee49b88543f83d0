package org.guichet.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a browser may keep what it was sent. The apps' pages, scripts and style sheets have no version in their
 * address, so they are revalidated on every load ({@code no-cache}, answered by a bodiless 304 while unchanged) and a
 * release reaches every tablet at its next load; WebJars carry their version in their path and are kept for a year.
 */
final class CachePolicy {

    static final String REVALIDATE = "no-cache";
    static final String VERSIONED = "public, max-age=31536000, immutable";

    private CachePolicy() {
    }

    static void revalidate(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        ctx.next();
    }

    static void versioned(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, VERSIONED);
        ctx.next();
    }

    /** A page at its own address (not its file's): sent whole, or 304 when the browser's copy is current. */
    static void sendPage(RoutingContext ctx, String file) {
        ctx.vertx().fileSystem().props(file).onComplete(props -> {
            var response = ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8");
            if (props.succeeded()) {
                long modifiedSecond = props.result().lastModifiedTime() / 1000;
                response.putHeader(HttpHeaders.LAST_MODIFIED, httpDate(modifiedSecond));
                if (unchangedSince(ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE), modifiedSecond)) {
                    response.setStatusCode(304).end();
                    return;
                }
            }
            response.sendFile(file).onFailure(ctx::fail);
        });
    }

    static String httpDate(long epochSecond) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
    }

    /** Whether an If-Modified-Since value is at or after the file's time (to the second); false when unreadable. */
    static boolean unchangedSince(String ifModifiedSince, long modifiedSecond) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.trim(), Instant::from).getEpochSecond()
                   >= modifiedSecond;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
