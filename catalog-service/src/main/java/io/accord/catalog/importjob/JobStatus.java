package io.accord.catalog.importjob;

/** TMF {@code JobStateType}: the status of an import or export job, with the spec's labels. */
public enum JobStatus {

    NOT_STARTED("Not Started"), RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed");

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    /** The TMF label, as stored and shown ({@code Not Started}, {@code Running}...). */
    public String label() {
        return label;
    }

    public static JobStatus ofLabel(String label) {
        for (JobStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status " + label);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
