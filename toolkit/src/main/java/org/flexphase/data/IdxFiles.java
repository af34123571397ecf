package org.flexphase.data;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the original MNIST files (big-endian magic {@code 0x0803} for unsigned-byte images
 * with three dimensions, {@code 0x0801} for labels), gzipped or not. Every failure names the file and says what
 * was wrong with it: a missing file, a bad magic number, a truncated body, a checksum mismatch.
 */
public final class IdxFiles {
    private IdxFiles() {
    }

    /** SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Checks {@code bytes} against {@code expectedSha256}, naming {@code file} if they differ. */
    public static void verify(byte[] bytes, String expectedSha256, String file) {
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new DataFileException(file + ": SHA-256 is " + actual + " but the shipped file has "
                    + expectedSha256 + " (corrupt, truncated or replaced; regenerate with data/mnist-subset/regenerate.sh)");
        }
    }

    static DataInputStream open(byte[] bytes, String file) throws IOException {
        boolean gz = bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
        InputStream in = new ByteArrayInputStream(bytes);
        return new DataInputStream(gz ? new GZIPInputStream(in) : in);
    }

    /** Images: returns {count, rows, cols} and fills the pixel bytes. */
    public static byte[] readImages(byte[] fileBytes, String file, int[] shapeOut) {
        try (DataInputStream in = open(fileBytes, file)) {
            int magic = in.readInt();
            if (magic != 0x0803) {
                throw new DataFileException(file + ": not an IDX image file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x803)");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DataFileException(file + ": implausible dimensions " + count + "x" + rows + "x" + cols);
            }
            byte[] pixels = new byte[count * rows * cols];
            in.readFully(pixels);
            shapeOut[0] = count;
            shapeOut[1] = rows;
            shapeOut[2] = cols;
            return pixels;
        } catch (EOFException e) {
            throw new DataFileException(file + ": truncated (the file ends before the images its header declares)");
        } catch (IOException e) {
            throw new DataFileException(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** The labels of an IDX1 file's bytes; {@code file} names it in errors. */
    public static byte[] readLabels(byte[] fileBytes, String file) {
        try (DataInputStream in = open(fileBytes, file)) {
            int magic = in.readInt();
            if (magic != 0x0801) {
                throw new DataFileException(file + ": not an IDX label file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x801)");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new DataFileException(file + ": negative label count " + count);
            }
            byte[] labels = new byte[count];
            in.readFully(labels);
            for (int k = 0; k < count; k++) {
                if (labels[k] < 0 || labels[k] > 9) {
                    throw new DataFileException(file + ": label " + labels[k] + " at index " + k + " is not a digit 0-9");
                }
            }
            return labels;
        } catch (EOFException e) {
            throw new DataFileException(file + ": truncated (the file ends before the labels its header declares)");
        } catch (IOException e) {
            throw new DataFileException(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** Reads a whole stream, naming {@code file} on failure. */
    public static byte[] readAll(InputStream in, String file) {
        if (in == null) {
            throw new DataFileException(file + ": missing");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable", e);
        }
    }

    /** A data file that is missing or not what it should be. */
    public static final class DataFileException extends IllegalArgumentException {
        /** A data file problem, with the file named in {@code message}. */
        public DataFileException(String message) {
            super(message);
        }
    }
}
