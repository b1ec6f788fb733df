package io.accord.catalog.importjob;

import java.io.InputStream;
import java.util.Optional;

/** The two formats of catalog files, by their media type. */
public enum FileFormat {

    CSV("text/csv", "csv"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a media type such as {@code text/csv; charset=UTF-8}, if it is one of ours. */
    public static Optional<FileFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        for (FileFormat format : values()) {
            if (format.mediaType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    ItemReader reader(InputStream in) {
        return this == CSV ? new CsvItemReader(in) : new JsonItemReader(in);
    }
}
