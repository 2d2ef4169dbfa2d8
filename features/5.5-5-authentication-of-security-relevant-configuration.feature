@provision=5.5-5
Feature: 5.5-5 Security-relevant configuration over the network needs authentication
  Device functionality that allows security-relevant changes in configuration via a network
  interface is only accessible after authentication (EN 303 645 5.5-5).

  @testcase=5.5-5-2
  Scenario: 5.5-5-2 Every security-relevant configuration change over the network demands authentication
    Given the DUT is running with its network up
    When every endpoint of the local API that changes security-relevant configuration is requested with no, a wrong, a less privileged and the right credential
    Then the IXIT declares none of them open to anyone
    And only the right credential is accepted
