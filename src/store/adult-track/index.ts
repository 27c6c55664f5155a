// The adult track: the daily job that moves cases to it from the person's 18th birthday.
export { ADULT_TRACK_JOB_USER, createAdultTrackJob } from "./adult-track-job.ts";
