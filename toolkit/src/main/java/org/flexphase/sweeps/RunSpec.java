package org.flexphase.sweeps;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.flexphase.learning.TrainerConfig;
import org.flexphase.runs.RunFiles;

/**
 * One run of a sweep: a group label (which curve or point it belongs to), the model settings and the trainer
 * configuration (which carries the seed). Its {@link #key()} is a hash of everything that determines the result,
 * so a re-run of the sweep finds finished runs by key and skips them.
 */
public record RunSpec(String group, String data, int hidden, boolean visibleBiases, double initSd,
                      TrainerConfig config) {

    /** Everything that determines the result, as a sorted map. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new TreeMap<>(config.describe());
        m.put("data", data);
        m.put("hidden", hidden);
        m.put("visible_biases", visibleBiases);
        m.put("init_sd", initSd);
        return m;
    }

    /** First 16 hex digits of the SHA-256 of {@link #describe()} as JSON. */
    public String key() {
        return hash(describe());
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
