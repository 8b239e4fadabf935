package org.precisionaid.registry;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FileCardRepository extends JpaRepository<FileCard, Long> {
}
