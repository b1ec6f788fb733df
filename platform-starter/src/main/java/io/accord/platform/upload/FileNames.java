package io.accord.platform.upload;

/** Client file names are informational: kept only as a clean, bounded last path segment. */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name without any client path or control characters, at most 255 characters; null when nothing is left. */
    public static String clean(String fileName) {
        if (fileName == null) {
            return null;
        }
        // some browsers send the full client path (C:\Users\...\contract.pdf)
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String clean = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int start = clean.length() - MAX_LENGTH;
        // keep the end (the extension) and never start inside a surrogate pair
        return clean.substring(Character.isLowSurrogate(clean.charAt(start)) ? start + 1 : start);
    }
}
