@provision=5.5-4
Feature: 5.5-4 Network functions need authentication after initialisation
  Where the device can be controlled through a local network interface, the network functions
  (other than those the IXIT declares open to anyone) require authentication (EN 303 645 5.5-4).
  Only a 401 or 403 is a refusal: anything else given to an unauthorised request is a finding.

  @testcase=5.5-4-2
  Scenario: 5.5-4-2 Every restricted endpoint of the local API refuses requests without the right credential
    Given the DUT is running with its network up
    When every endpoint of the local API that the IXIT restricts is requested with no, a wrong, a less privileged and the right credential
    Then only the right credential is accepted
