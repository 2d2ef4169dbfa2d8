@provision=5.6-1
Feature: 5.6-1 All unused network and logical interfaces are disabled
  All unused network and logical interfaces are disabled (EN 303 645 5.6-1). Every port the DUT
  answers on must be one of the services the IXIT declares (13-SoftServ); anything else is an
  interface the supplier did not account for.

  @testcase=5.6-1-2
  Scenario: 5.6-1-2 Every open network port is a service the IXIT declares
    Given the DUT is running with its network up
    When all 65,535 TCP ports and the common UDP services of the DUT are scanned
    Then every open port is declared in the IXIT as a software service
