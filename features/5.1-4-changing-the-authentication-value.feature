@provision=5.1-4
Feature: 5.1-4 A simple mechanism to change the authentication value
  Where user authentication is used, the user is given a simple mechanism to change the
  authentication value (EN 303 645 5.1-4).

  @testcase=5.1-4-2
  Scenario: 5.1-4-2 The password can be changed, and the old one then stops working
    Given the DUT is running with its network up
    When the user changes the password with the mechanism the IXIT describes
    Then the new password is accepted on every login surface for that user
    And the old password is refused on every login surface for that user
