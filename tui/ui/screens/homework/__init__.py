"""The Homework section: assignments agreed with a therapist, their practice and reviews."""
