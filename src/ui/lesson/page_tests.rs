//! The lesson through the page's reducer.

use crate::ui::lesson::state::LessonAction;
use crate::ui::lesson::steps::STEPS;
use crate::ui::page::state::Action;
use crate::ui::page::test_page::Page;

#[test]
fn the_lesson_walks_its_steps_through_the_reducer() {
    let page = Page::new().act(Action::Lesson(LessonAction::Start));
    assert_eq!(page.state.lesson.step(), Some(0));
    let page = (0..20).fold(page, |p, _| p.act(Action::Lesson(LessonAction::Next)));
    assert_eq!(page.state.lesson.step(), Some(STEPS.len() - 1));
    let page = page.act(Action::Lesson(LessonAction::End));
    assert_eq!(page.state.lesson.step(), None);
}
