package org.flexphase.sweeps;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.flexphase.runs.RunFiles;
import org.flexphase.util.Settings;
import org.flexphase.runs.SettingsJson;
import org.flexphase.boltzmann.TrainSettings;

/**
 * One run of a sweep: a group label (which curve or point it belongs to) and its validated settings (which carry
 * the kind and the seed). Its {@link #key()} hashes the settings record itself, so every setting that can change
 * the result is in the key, and a re-run of the sweep finds finished runs by key and skips them.
 */
public record RunSpec(String group, Settings settings) {

    /** The settings as a sorted map with their kind: what {@code spec.json} holds and the key hashes. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> describe() {
        return new TreeMap<>(SettingsJson.mapper().convertValue(SettingsJson.canonical(settings), Map.class));
    }

    /** First 16 hex digits of the SHA-256 of {@link #describe()} as JSON. */
    public String key() {
        return hash(describe());
    }

    /** The settings of a {@code train} run (the kind every figure of a BAS sweep draws). */
    public TrainSettings train() {
        return (TrainSettings) settings;
    }

    public long seed() {
        return settings.seed();
    }

    /** First 16 hex digits of the SHA-256 of {@code description} as JSON (sorted keys). */
    static String hash(Map<String, Object> description) {
        try {
            byte[] json = RunFiles.json().writeValueAsBytes(new TreeMap<>(description));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash run spec: " + e.getMessage(), e);
        }
    }
}
