package org.guichet.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the dumps a backup directory holds ({@code guichet-2026-11-30T020000Z.dump}, UTC) and which of them
 * to keep: the newest dump of each of the last {@code daily} days that have one, and the newest of each of the last
 * {@code monthly} months (a finished month is kept by its last dump). Files named otherwise are never touched.
 */
public final class BackupRetention {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'");
    private static final Pattern NAME = Pattern.compile("guichet-(\\d{4}-\\d{2}-\\d{2}T\\d{6}Z)\\.dump");

    private BackupRetention() {
    }

    /** The file name of a dump taken at this instant. */
    public static String fileName(Instant takenAt) {
        return "guichet-" + STAMP.format(LocalDateTime.ofInstant(takenAt, ZoneOffset.UTC)) + ".dump";
    }

    /** When a dump of this name was taken; empty for a file that is not one of the command's dumps. */
    public static Optional<Instant> takenAt(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(matcher.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The dumps among these file names that the policy no longer keeps. */
    public static List<String> toDelete(List<String> fileNames, int daily, int monthly) {
        if (daily < 1 || monthly < 0) {
            throw new IllegalArgumentException("keep at least 1 daily dump and 0 or more monthly ones (got "
                    + daily + " and " + monthly + ")");
        }
        List<String> dumps = fileNames.stream().filter(name -> takenAt(name).isPresent())
                .sorted(Comparator.comparing((String name) -> takenAt(name).orElseThrow()).reversed())
                .toList();
        Set<String> kept = new LinkedHashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        for (String dump : dumps) {
            LocalDate day = LocalDate.ofInstant(takenAt(dump).orElseThrow(), ZoneOffset.UTC);
            if (days.size() < daily && days.add(day)) {
                kept.add(dump);
            }
            if (months.size() < monthly && months.add(YearMonth.from(day))) {
                kept.add(dump);
            }
        }
        return dumps.stream().filter(dump -> !kept.contains(dump)).toList();
    }
}
