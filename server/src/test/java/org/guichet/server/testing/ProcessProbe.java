package org.guichet.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a program a test started answers 200 at an address, failing at once if the program ends meanwhile. */
final class ProcessProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private ProcessProbe() {
    }

    static void awaitAnswering(Process process, String name, String url, Duration within) {
        Eventually.await(name + " answering " + url, within, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + "); see target/" + name
                                         + ".log");
            }
            try {
                return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }, status -> status == 200);
    }
}
