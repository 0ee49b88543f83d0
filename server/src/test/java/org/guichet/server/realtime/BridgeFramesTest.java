package org.guichet.server.realtime;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BridgeFramesTest {

    @Test
    void the_apps_frames_pass() {
        assertThat(BridgeFrames.problem("{\"type\":\"ping\"}")).isNull();
        assertThat(BridgeFrames.problem("{\"type\":\"register\",\"address\":\"guichet.room.r1\","
                + "\"headers\":{\"token\":\"gd_x\"}}")).isNull();
        assertThat(BridgeFrames.problem("{\"type\":\"unregister\",\"address\":\"guichet.room.r1\"}")).isNull();
        // Refused later by the bridge's rules, not malformed.
        assertThat(BridgeFrames.problem("{\"type\":\"send\",\"address\":\"guichet.room.r1\",\"body\":{}}")).isNull();
    }

    @Test
    void anything_else_is_named() {
        assertThat(BridgeFrames.problem("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(17_000) + "\"}"))
                .isEqualTo("oversized frame");
        for (String bad : new String[] {"", "not json", "[1,2]", "{\"type\":\"register\"", "{}", "{\"type\":7}",
                "{\"type\":\"shout\",\"address\":\"a\"}", "{\"type\":\"register\"}",
                "{\"type\":\"register\",\"address\":\"\"}", "{\"type\":\"register\",\"address\":[]}",
                "{\"type\":\"register\",\"address\":\"" + "a".repeat(161) + "\"}"}) {
            assertThat(BridgeFrames.problem(bad)).as(bad).isEqualTo("malformed frame");
        }
    }

    @Test
    void refusals_are_summed_up_in_one_line_and_counted_afresh() {
        RefusalLog log = new RefusalLog();
        for (int i = 0; i < 40; i++) {
            log.count("registration without a token");
        }
        log.count("malformed frame");
        Map<String, Long> counts = log.takeCounts();
        assertThat(RefusalLog.summary(counts, 60)).isEqualTo("Event-bus bridge refused 41 frames in the last 60 s: "
                + "malformed frame 1, registration without a token 40");
        assertThat(log.takeCounts()).isEmpty();
        assertThat(RefusalLog.summary(new TreeMap<>(), 60)).isNull();
    }
}
