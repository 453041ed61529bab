package com.goodfit.sync.log;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Looks up job executions by id.
 */
public final class JobExecutions {

    private JobExecutions() {
    }

    /**
     * @param jobRepository the job repository
     * @param executionId an execution id, possibly unknown
     * @return the execution, or empty when there is none with that id
     */
    public static Optional<JobExecution> find(JobRepository jobRepository, long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        }
        catch (EmptyResultDataAccessException ex) {
            // Batch 6's JDBC DAO throws for an unknown id where the interface promises null.
            return Optional.empty();
        }
    }

}
